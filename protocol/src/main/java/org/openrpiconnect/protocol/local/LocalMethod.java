package org.openrpiconnect.protocol.local;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openrpiconnect.protocol.json.WireEnum;

/** Every method of the local API, with the type of its params and of its result. */
public enum LocalMethod implements WireEnum {
    /** params: none; result {@link StatusResult}. */
    STATUS("status"),
    /** params {@link SignInParams}; result {@link SignInResult}. */
    SIGNIN("signin"),
    /** params: none; result {@link StatusResult}. Ends the link on both sides. */
    SIGNOUT("signout"),
    /** params {@link ServiceParams}; result {@link StatusResult}. Persisted across restarts. */
    SET_SERVICE("set_service"),
    /** params: none; result {@link DoctorResult}. */
    DOCTOR("doctor"),
    /** params: none; result: empty object. The daemon answers, then exits cleanly. */
    SHUTDOWN("shutdown");

    private final String wireName;

    LocalMethod(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wire() {
        return wireName;
    }

    /** The same as {@link #wire()}. */
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static LocalMethod fromWire(String name) {
        for (LocalMethod m : values()) {
            if (m.wireName.equals(name)) return m;
        }
        return null; // the daemon answers UNKNOWN_METHOD
    }
}
