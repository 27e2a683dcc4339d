package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;

import java.util.concurrent.CompletableFuture;

/**
 * webrtc-java's session-description callbacks as futures, for the code that simply waits for them (doctor's
 * candidate gathering, the test and benchmark peers). They complete on WebRTC's signalling thread; a failure is an
 * {@link IllegalStateException} saying which step failed and libwebrtc's reason. (ShellSession keeps its own
 * observers: it hands every outcome to its session executor.)
 */
public final class Descriptions {
    private Descriptions() {}

    public static CompletableFuture<RTCSessionDescription> offer(RTCPeerConnection pc) {
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), created(f, "creating the offer failed: "));
        return f;
    }

    public static CompletableFuture<RTCSessionDescription> answer(RTCPeerConnection pc) {
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), created(f, "creating the answer failed: "));
        return f;
    }

    public static CompletableFuture<Void> setLocal(RTCPeerConnection pc, RTCSessionDescription description) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.setLocalDescription(description, set(f, "setting the local description failed: "));
        return f;
    }

    public static CompletableFuture<Void> setRemote(RTCPeerConnection pc, RTCSessionDescription description) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.setRemoteDescription(description, set(f, "setting the remote description failed: "));
        return f;
    }

    private static CreateSessionDescriptionObserver created(CompletableFuture<RTCSessionDescription> f,
                                                            String failure) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                f.complete(description);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(failure + error));
            }
        };
    }

    private static SetSessionDescriptionObserver set(CompletableFuture<Void> f, String failure) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(failure + error));
            }
        };
    }
}
