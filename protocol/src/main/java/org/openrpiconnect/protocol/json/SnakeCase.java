package org.openrpiconnect.protocol.json;

/**
 * Java member names to wire names: {@code sdpMlineIndex} to {@code sdp_mline_index}, spelled exactly as Jackson's
 * {@code PropertyNamingStrategies.SNAKE_CASE} does (an underscore before an upper-case letter that follows a
 * character that was not upper case itself, unless one is already there; everything lower case; a leading
 * underscore dropped), so both codecs name every member alike.
 */
final class SnakeCase {
    private SnakeCase() {}

    static String of(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        boolean previousWasUpper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i == 0 && c == '_') continue;
            if (Character.isUpperCase(c)) {
                if (!previousWasUpper && out.length() > 0 && out.charAt(out.length() - 1) != '_') out.append('_');
                out.append(Character.toLowerCase(c));
                previousWasUpper = true;
            } else {
                out.append(c);
                previousWasUpper = false;
            }
        }
        return out.toString();
    }
}
