package hudson.model.queue;

import hudson.model.Queue;
import org.springframework.security.core.Authentication;

/** Stand-in of jenkins-core's {@code Tasks} (signatures only). */
public class Tasks {

    public Tasks() {}

    public static Authentication getAuthenticationOf2(Queue.Task t) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
