package hudson.slaves;

import java.util.List;
import hudson.model.Descriptor;
import hudson.model.Slave;
import java.io.IOException;

/** Stand-in of jenkins-core's {@code DumbSlave} (type only). */
public final class DumbSlave extends Slave {
    private static final long serialVersionUID = 1L;

    public DumbSlave(String name, String remoteFS, ComputerLauncher launcher) throws Descriptor.FormException, IOException {
        super(name, remoteFS, launcher);
    }

    @Deprecated
    public DumbSlave(String name, String nodeDescription, String remoteFS, String numExecutors, Mode mode,
            String labelString, ComputerLauncher launcher, RetentionStrategy retentionStrategy)
            throws Descriptor.FormException, IOException {
        super(name, nodeDescription, remoteFS, numExecutors, mode, labelString, launcher, retentionStrategy,
                new java.util.ArrayList<>());
    }

    @Deprecated
    public DumbSlave(String name, String nodeDescription, String remoteFS, String numExecutors, Mode mode,
            String labelString, ComputerLauncher launcher, RetentionStrategy retentionStrategy,
            List<? extends NodeProperty<?>> nodeProperties) throws Descriptor.FormException, IOException {
        super(name, nodeDescription, remoteFS, numExecutors, mode, labelString, launcher, retentionStrategy, nodeProperties);
    }
}
