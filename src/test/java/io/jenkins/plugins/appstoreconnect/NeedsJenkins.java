package io.jenkins.plugins.appstoreconnect;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that needs a running Jenkins (JenkinsRule, {@code @WithJenkins},
 * JenkinsSessionExtension). The Central-only build (offline/) compiles such tests but excludes the
 * tag {@value #TAG}; the real build (root pom.xml) runs them. {@code TestConventionsTest} checks that
 * every test using the harness carries it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsJenkins.TAG)
public @interface NeedsJenkins {
    String TAG = "needs-jenkins";
}
