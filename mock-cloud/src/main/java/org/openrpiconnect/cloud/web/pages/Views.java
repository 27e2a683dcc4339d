package org.openrpiconnect.cloud.web.pages;

import org.openrpiconnect.cloud.model.ApiToken;
import org.openrpiconnect.cloud.model.AuthKey;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.OutboxMail;
import org.openrpiconnect.cloud.web.Times;

import java.util.List;

/** What the templates show, already formatted (templates only lay out). */
final class Views {
    private Views() {}

    record DeviceView(String id, String name, boolean signedIn, String ownerLabel, String serialNumber,
                      String hostname, String board, String os, String kernelArchitecture, String clientVersion,
                      List<String> tags, String createdAt, String lastSeen) {}

    record AuthKeyView(String id, String description, String deviceName, List<String> tags, String createdAt,
                       String expiresAt, String state) {}

    record NewAuthKeyView(String secret, String expiresAt) {}

    record TokenView(String id, String description, String createdAt, String lastUsedAt, boolean revoked) {}

    record MailView(String subject, String body, String sentAt) {}

    record OwnerOption(String value, String label) {}

    static DeviceView device(Device d, String ownerLabel) {
        String board = d.boardModel() == null ? "unknown"
                : d.boardModel() + (d.boardRevision() == null ? "" : " rev " + d.boardRevision())
                + (d.boardMemory() == null ? "" : ", " + d.boardMemory());
        String os = d.osName() == null ? "unknown" : d.osName() + (d.osVersion() == null ? "" : " " + d.osVersion());
        return new DeviceView(d.id(), d.name(), d.signedIn(), ownerLabel, d.serialNumber(),
                orUnknown(d.hostname()), board, os, orUnknown(d.kernelArchitecture()), orUnknown(d.clientVersion()),
                d.tags(), Times.iso(d.createdAt()), Times.isoOrNever(d.lastSeen()));
    }

    static AuthKeyView authKey(AuthKey k, long now) {
        return new AuthKeyView(k.id(), k.description(), k.deviceName(), k.tags(), Times.iso(k.createdAt()),
                Times.iso(k.expiresAt()), k.stateAt(now));
    }

    static TokenView token(ApiToken t) {
        return new TokenView(t.id(), t.description(), Times.iso(t.createdAt()), Times.isoOrNever(t.lastUsedAt()),
                t.revoked());
    }

    static MailView mail(OutboxMail m) {
        return new MailView(m.subject(), m.body(), Times.iso(m.createdAt()));
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }
}
