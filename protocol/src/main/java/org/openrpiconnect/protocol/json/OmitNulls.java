package org.openrpiconnect.protocol.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a record: its null members are left out when written (by default they are written as {@code null}). One
 * marker for both codecs: {@link JsonBinder} reads it, and Jackson sees it as an annotation bundle standing for
 * {@code @JsonInclude(NON_NULL)}. Where Jackson is not on the classpath (daemon, CLI) the JVM ignores those
 * meta-annotations, so no Jackson class is ever loaded there.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@JacksonAnnotationsInside
@JsonInclude(JsonInclude.Include.NON_NULL)
public @interface OmitNulls {}
