package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.Javalin;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.List;

/** Registers Management API routes and remembers them, so the OpenAPI document can be checked against them. */
public final class ApiRoutes {
    public record Route(String method, String path) {}

    private final Javalin app;
    private final List<Route> routes = new ArrayList<>();

    ApiRoutes(Javalin app) {
        this.app = app;
    }

    void get(String path, Handler h) {
        app.get(path, h);
        routes.add(new Route("GET", path));
    }

    void post(String path, Handler h) {
        app.post(path, h);
        routes.add(new Route("POST", path));
    }

    void put(String path, Handler h) {
        app.put(path, h);
        routes.add(new Route("PUT", path));
    }

    void patch(String path, Handler h) {
        app.patch(path, h);
        routes.add(new Route("PATCH", path));
    }

    void delete(String path, Handler h) {
        app.delete(path, h);
        routes.add(new Route("DELETE", path));
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }
}
