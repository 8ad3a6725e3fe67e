package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * Stand-in of symbol-annotation's {@code org.jenkinsci.Symbol} (signature only). Like the real one it is
 * {@link Indexed}, so our classes that carry it are listed in {@code META-INF/services/annotations/org.jenkinsci.Symbol},
 * where the structs plugin looks symbols up.
 */
@Indexed
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
