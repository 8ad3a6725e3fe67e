package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in of annotation-indexer's {@code org.jvnet.hudson.annotation_indexer.Indexed} (signature only).
 * An annotation type carrying it has its uses listed in {@code META-INF/services/annotations/<its binary name>};
 * offline, the annotation processor of the {@code offline/annotation-index} module writes that file.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {
    Class<? extends Validator>[] validators() default {};
}
