package org.openrpiconnect.cloud;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceCodeStart;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a run through every flow that handles a secret, no secret is in any table (SELECT *) or any log line. */
class SecretsAtRestTest {

    @Test
    void no_secret_password_or_private_key_is_stored_or_logged() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger project = (Logger) LoggerFactory.getLogger("org.openrpiconnect");
        ch.qos.logback.classic.Level savedLevel = project.getLevel();
        project.setLevel(ch.qos.logback.classic.Level.DEBUG); // every line the cloud can write is checked
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        List<String> secrets = new ArrayList<>();
        try (TestCloud cloud = TestCloud.start()) {
            secrets.add("correct horse battery"); // the password TestCloud.user and Browser use
            cloud.user("dump@example.org");
            cloud.command("org", "create", "Dumpco", "--admin", "dump@example.org");
            String personal = cloud.personalKey("dump@example.org");
            String org = cloud.orgKey("Dumpco", "--tag", "t");
            String token = cloud.command("token", "create", "--org", "Dumpco").out().strip();
            secrets.addAll(List.of(personal, org, token));

            FakeDevice byKey = new FakeDevice(cloud, "dump-1", "pi");
            assertEquals(201, byKey.signInWithAuthKey(org).statusCode());
            secrets.add(body(DeviceKeys.privateKeyPem(byKey.keys.getPrivate())));

            FakeDevice byCode = new FakeDevice(cloud, "dump-2", "pi");
            DeviceCodeStart start = Json.read(byCode.post(DeviceApi.SIGNIN_CODE, Json.writeBytes(byCode.facts()),
                    false).body(), DeviceCodeStart.class);
            secrets.add(start.deviceCode());
            secrets.add(start.userCode());

            Browser browser = new Browser(cloud);
            browser.get("/signin");
            HttpResponse<String> signIn = browser.post("/signin", "email", "dump@example.org", "password",
                    "correct horse battery");
            secrets.add(cookie(signIn, "rpc_session"));
            browser.get("/verify/" + start.userCode());
            browser.post("/verify/" + start.userCode(), "name", "coded", "owner", "personal");
            String orgId = cloud.cloud.organisations.requireByName("Dumpco").id();
            browser.get("/organisations/" + orgId + "/settings");
            HttpResponse<String> page = browser.post("/organisations/" + orgId + "/tokens", "description", "web");
            secrets.add(match(page.body(), "id=\"token-secret\">(rporg_[A-Za-z0-9]+)<"));

            String dump = dump(cloud);
            assertTrue(dump.contains("dump@example.org"), "the dump covers the tables");
            for (String secret : secrets) {
                assertFalse(dump.contains(secret), "a secret is stored in clear: " + secret.substring(0, 6) + "...");
            }
        } finally {
            root.detachAppender(logs);
            project.setLevel(savedLevel);
        }
        assertFalse(logs.list.isEmpty(), "the run logged");
        for (ILoggingEvent e : logs.list) {
            for (String secret : secrets) {
                assertFalse(e.getFormattedMessage().contains(secret), "a secret is logged: " + e.getFormattedMessage());
            }
        }
    }

    /** Every row of every table, every column, as text. */
    private static String dump(TestCloud cloud) {
        return cloud.db.read(c -> {
            StringBuilder all = new StringBuilder();
            List<String> tables = Sql.list(c, "SELECT name FROM sqlite_master WHERE type = 'table'",
                    rs -> rs.getString(1));
            for (String table : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) all.append(rs.getString(i)).append('\t');
                        all.append('\n');
                    }
                }
            }
            return all.toString();
        });
    }

    private static String body(String pem) {
        String[] lines = pem.split("\n");
        return lines[1]; // a line of the key's base64 body is enough to find it
    }

    private static String cookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String match(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }
}
