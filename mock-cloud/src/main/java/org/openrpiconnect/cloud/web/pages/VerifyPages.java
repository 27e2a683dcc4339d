package org.openrpiconnect.cloud.web.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.DeviceCode;
import org.openrpiconnect.cloud.model.Membership;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.cloud.web.ErrorStatus;
import org.openrpiconnect.protocol.device.DeviceApi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /verify/XXXX-XXXX}: the signed-in user names the device, picks its account, and links it. */
public final class VerifyPages {
    private static final String PERSONAL = "personal";
    private static final String ORG_PREFIX = "org:";

    private final Cloud cloud;
    private final WebSessions sessions;
    private final Csrf csrf;

    public VerifyPages(Cloud cloud, WebSessions sessions, Csrf csrf) {
        this.cloud = cloud;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    public void register(Javalin app) {
        app.get(DeviceApi.VERIFY_PAGE_PREFIX + "{code}", ctx -> {
            User user = sessions.require(ctx);
            DeviceCode code = requireUsableCode(ctx.pathParam("code"));
            form(ctx, HttpStatus.OK, user, code, defaultName(user, code), PERSONAL, null);
        });
        app.post(DeviceApi.VERIFY_PAGE_PREFIX + "{code}", this::complete);
    }

    private void complete(Context ctx) {
        User user = sessions.require(ctx);
        csrf.check(ctx);
        String userCode = ctx.pathParam("code");
        DeviceCode code = requireUsableCode(userCode);
        String ownerChoice = ctx.formParam("owner") == null ? PERSONAL : ctx.formParam("owner");
        Owner owner = ownerChoice.startsWith(ORG_PREFIX)
                ? Owner.organisation(ownerChoice.substring(ORG_PREFIX.length()))
                : Owner.user(user.id());
        Device device;
        try {
            device = cloud.linking.completeDeviceCode(userCode, user.id(), owner, ctx.formParam("name"));
        } catch (CloudError e) {
            if (e.kind() != CloudError.Kind.VALIDATION && e.kind() != CloudError.Kind.FORBIDDEN) throw e;
            form(ctx, ErrorStatus.of(e.kind()), user, code, ctx.formParam("name"), ownerChoice, e.getMessage());
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("device", device);
        model.put("ownerLabel", owner.isUser() ? "your account"
                : cloud.organisations.findById(owner.id()).map(o -> o.name()).orElse("the organisation"));
        PageSupport.render(ctx, HttpStatus.OK, "verify_done.peb", model);
    }

    /** The code when it can still be approved; a 404 or 410 page otherwise. */
    private DeviceCode requireUsableCode(String userCode) {
        DeviceCode code = cloud.linking.findByUserCode(userCode).orElseThrow(() -> CloudError.notFound(
                "The sign-in code " + userCode + " is not valid: check the address, or run rpi-connect signin on the"
                        + " device again for a new one"));
        if (code.complete()) {
            throw CloudError.gone("This sign-in code was already used: the device is linked. See your devices.");
        }
        if (code.expiredAt(cloud.clock.millis())) {
            throw CloudError.gone("This sign-in code has expired: run rpi-connect signin on the device again for a"
                    + " new one");
        }
        return code;
    }

    private void form(Context ctx, HttpStatus status, User user, DeviceCode code, String name, String owner,
                      String error) {
        List<Views.OwnerOption> owners = new ArrayList<>();
        owners.add(new Views.OwnerOption(PERSONAL, "Personal account (" + user.email() + ")"));
        for (Membership m : cloud.organisations.membershipsOf(user.id())) {
            if (m.isAdministrator()) {
                owners.add(new Views.OwnerOption(ORG_PREFIX + m.organisation().id(), m.organisation().name()));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("userCode", ctx.pathParam("code").toUpperCase());
        model.put("serial", code.facts().serialNumber());
        model.put("deviceName", name == null ? "" : name);
        model.put("owners", owners);
        model.put("selectedOwner", owner);
        if (error != null) model.put("error", error);
        PageSupport.render(ctx, status, "verify.peb", model);
    }

    /** The hostname the device reported, or the name of the user's existing record of the same board. */
    private String defaultName(User user, DeviceCode code) {
        String existing = cloud.db.read(c -> cloud.deviceStore.findBySerial(c, Owner.user(user.id()),
                code.facts().serialNumber())).map(Device::name).orElse(null);
        if (existing != null) return existing;
        String host = code.facts().hostname();
        return host == null || host.isBlank() ? "raspberrypi" : host;
    }
}
