package org.jvnet.hudson.annotation_indexer;

import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;

/** Stand-in of annotation-indexer's {@code Validator} (signature only; {@link Indexed#validators()} names it). */
public interface Validator {
    void check(Element use, RoundEnvironment e, ProcessingEnvironment env);
}
