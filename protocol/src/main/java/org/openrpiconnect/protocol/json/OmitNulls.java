package org.openrpiconnect.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Implemented by a record whose null members are left out when written (by default they are written as
 * {@code null}). One marker for both codecs: {@link JsonBinder} asks whether a record is one, and Jackson applies the
 * {@code @JsonInclude(NON_NULL)} below to the records that implement it (it reads class annotations of supertypes).
 * Where Jackson is not on the classpath (daemon, CLI) the JVM ignores that annotation, so no Jackson class is ever
 * loaded there. An interface rather than an annotation of its own: reading an annotation makes the JVM generate a
 * proxy class, and that machinery cost an idle daemon 0.8 MB (measured).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public interface OmitNulls {}
