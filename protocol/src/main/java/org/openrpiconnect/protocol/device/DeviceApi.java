package org.openrpiconnect.protocol.device;

/**
 * The REST + WebSocket API between a device ({@code rpi-connectd}) and the cloud. Every request is signed by the
 * device's own EC P-256 key, see {@link RequestSignature}; sign-in requests are signed by the key whose public half
 * they carry (proof of possession), later requests by the key the cloud stored for the device.
 *
 * <p>Errors always have the body {@link DeviceError} {@code {"code": ..., "message": ...}} with a code of
 * {@link DeviceErrorCode}.
 */
public final class DeviceApi {
    private DeviceApi() {}

    /** GET, unsigned: 200 {@code {"status":"ok","version":"..."}}. Doctor's "Communication with ... API". */
    public static final String HEALTH = "/api/v1/health";

    /**
     * POST {@link DeviceFacts} (signed with the key in it): 201 {@link DeviceCodeStart}. Starts a device-code
     * sign-in; the user completes it at {@code verification_url}.
     */
    public static final String SIGNIN_CODE = "/api/v1/device/signin/code";

    /**
     * POST {@link DeviceCodePoll} (signed with the same key): 200 {@link DeviceCodeStatus} with status
     * {@code pending} or {@code complete}; 410 {@code code_expired} when the code ran out (start again).
     */
    public static final String SIGNIN_CODE_POLL = "/api/v1/device/signin/code/poll";

    /**
     * POST {@link AuthKeySignIn} (signed with the key in it): 201 {@link SignedInDevice}; 401 with
     * {@code auth_key_unknown}, {@code auth_key_expired} or {@code auth_key_used}: a permanent rejection.
     */
    public static final String SIGNIN_AUTH_KEY = "/api/v1/device/signin/auth-key";

    /**
     * POST {@link IdentitySignIn}, signed with the device identity's key (the one registered through the Management
     * API's device identities; on a Pi it lives in OTP and {@code rpi-fw-crypto} signs): 201 {@link SignedInDevice}.
     * Later requests are signed with {@code device.public_key}'s key (which may be the identity key itself). Device
     * identities are multi-use: signing in again re-links the same device. 401 {@code identity_unknown} when no
     * identity has this key (never registered, or deleted): a permanent rejection.
     */
    public static final String SIGNIN_IDENTITY = "/api/v1/device/signin/identity";

    /** GET (signed): 200 {@link SignedInDevice}. Doctor's "Authentication with ... API". */
    public static final String SELF = "/api/v1/device/self";

    /** POST (signed), empty body: 204. The cloud forgets the device's key; the device is shown signed out. */
    public static final String SIGNOUT = "/api/v1/device/signout";

    /**
     * WebSocket (signed upgrade request, signature over {@code GET} and this path, empty body). The cloud sends
     * {@link DeviceEvent} text frames. It closes with {@link #CLOSE_SIGNED_OUT} after sending a removal, and refuses
     * the upgrade with 401 + {@link DeviceError} when the credential is not valid.
     */
    public static final String EVENTS = "/api/v1/device/events";

    /** WebSocket close code: the device was removed or its credential revoked; do not reconnect. */
    public static final int CLOSE_SIGNED_OUT = 4001;

    /**
     * GET (signed): 200 {@link DeviceDeployments}, this device's open deployments (pending and in_progress), oldest
     * first, each with its artefact's URI and SHA-256. The cloud sends {@link DeviceEvent#DEPLOYMENTS_CHANGED} on
     * the event socket when this list changes.
     */
    public static final String DEPLOYMENTS = "/api/v1/device/deployments";

    /**
     * POST {@link DeploymentReport} (signed): 200 {@link DeviceDeployment}, the device reports progress on one of its
     * deployments: {@code in_progress}, then {@code succeeded} or {@code failed} (with a {@code state_reason}).
     * Repeating the current state is accepted (a retry). 404 {@code not_found} when the deployment is not this
     * device's; 409 {@code deployment_closed} when it was cancelled, superseded or already finished: drop it.
     * Use {@link #deploymentState(String)} to build the path.
     */
    public static final String DEPLOYMENT_STATE = "/api/v1/device/deployments/{id}/state";

    public static String deploymentState(String deploymentId) {
        return DEPLOYMENT_STATE.replace("{id}", deploymentId);
    }

    /**
     * GET (signed): 200 {@link org.openrpiconnect.protocol.session.IceServerList}, the STUN/TURN servers the cloud
     * hands to this device, TURN with fresh time-limited credentials; an empty list when the cloud has none. For
     * doctor's "Peer-to-peer connection candidate via STUN" and "... via TURN" (sessions get theirs in the offer).
     */
    public static final String ICE_SERVERS = "/api/v1/device/ice-servers";

    /** Device-code verification page the user opens in a browser: {@code <cloud>/verify/XXXX-XXXX}. */
    public static final String VERIFY_PAGE_PREFIX = "/verify/";
}
