package org.openrpiconnect.cloud;

/**
 * The base URL users and devices reach this cloud at (base of verification URLs and links in mails). Settable once
 * the server knows its port, since {@code --port 0} picks one at start.
 */
public final class PublicUrl {
    private volatile String value;

    public PublicUrl(String value) {
        set(value);
    }

    public String get() {
        return value;
    }

    public void set(String url) {
        this.value = url == null ? null : url.replaceAll("/+$", "");
    }

    public boolean isHttps() {
        return value != null && value.startsWith("https://");
    }
}
