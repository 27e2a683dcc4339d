package org.openrpiconnect.cloud.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the pages' Pebble templates (classpath {@code templates/}, HTML auto-escaped). javalin-rendering's own
 * Pebble adapter targets the pre-3.2 package names, hence this small one.
 */
public final class PebbleRenderer implements FileRenderer {
    /** Model entries every page gets (e.g. the signed-in user and the CSRF token), set by page handlers. */
    public static final String COMMON_MODEL = "pebble.common-model";

    private final PebbleEngine engine;

    public PebbleRenderer() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
    }

    @Override
    public String render(String file, Map<String, ?> model, Context ctx) {
        Map<String, Object> all = new HashMap<>();
        Map<String, Object> common = ctx.attribute(COMMON_MODEL);
        if (common != null) all.putAll(common);
        all.putAll(model);
        PebbleTemplate template = engine.getTemplate(file);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/html; charset=utf-8");
        return out.toString();
    }
}
