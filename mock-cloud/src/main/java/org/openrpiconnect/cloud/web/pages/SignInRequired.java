package org.openrpiconnect.cloud.web.pages;

/** Thrown by a page that needs a signed-in user; answered with a redirect to /signin?next=THIS_PAGE. */
public final class SignInRequired extends RuntimeException {
    public SignInRequired() {
        super(null, null, false, false);
    }
}
