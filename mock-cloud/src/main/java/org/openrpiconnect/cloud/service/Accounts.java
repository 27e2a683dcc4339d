package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.security.PasswordHasher;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Accounts: email + password (the stand-in for a Raspberry Pi ID). */
public final class Accounts {
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    /** Verified against when the email is unknown, so a wrong email costs as much time as a wrong password. */
    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password");

    private final Database db;
    private final UserStore users;
    private final Clock clock;

    public Accounts(Database db, UserStore users, Clock clock) {
        this.db = db;
        this.users = users;
        this.clock = clock;
    }

    public User create(String email, String password) {
        String normalised = normaliseEmail(email);
        if (normalised.isEmpty() || normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            throw CloudError.badRequest("'" + (email == null ? "" : email.strip())
                    + "' is not an email address: give one like alice@example.org");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw CloudError.badRequest("The password is too short: use at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        String hash = PasswordHasher.hash(password);
        User user = new User(Secrets.newId(), normalised, hash, clock.millis());
        db.inTransaction(c -> {
            if (users.findByEmail(c, normalised).isPresent()) {
                throw CloudError.conflict("An account for " + normalised + " already exists: sign in instead");
            }
            users.insert(c, user);
            return null;
        });
        LOG.info("user {} created", user.id());
        return user;
    }

    /** The user when the email and password match; empty otherwise (which one was wrong is not told). */
    public Optional<User> authenticate(String email, String password) {
        Optional<User> user = findByEmail(email);
        String hash = user.map(User::passwordHash).orElse(DUMMY_HASH);
        boolean ok = PasswordHasher.verify(password == null ? "" : password, hash);
        return ok ? user : Optional.empty();
    }

    public Optional<User> findByEmail(String email) {
        String normalised = normaliseEmail(email);
        return db.read(c -> users.findByEmail(c, normalised));
    }

    public Optional<User> findById(String id) {
        return db.read(c -> users.findById(c, id));
    }

    /** Finds a user or says how to create one. */
    public User requireByEmail(String email) {
        return findByEmail(email).orElseThrow(() -> CloudError.notFound("No user " + normaliseEmail(email)
                + ": create it first with 'rpi-connect-cloud user create " + normaliseEmail(email) + "'"));
    }

    public static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
