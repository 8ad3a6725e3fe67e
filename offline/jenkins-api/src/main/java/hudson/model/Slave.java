package hudson.model;

import hudson.slaves.NodeProperty;
import java.util.List;
import hudson.slaves.RetentionStrategy;
import hudson.slaves.ComputerLauncher;
import java.io.IOException;
import java.io.Serializable;

/** Stand-in of jenkins-core's {@code Slave} (signatures only). */
public abstract class Slave extends Node implements Serializable {
    private static final long serialVersionUID = 1L;

    protected Slave(String name, String remoteFS, ComputerLauncher launcher) throws Descriptor.FormException, IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Deprecated
    protected Slave(String name, String nodeDescription, String remoteFS, String numExecutors, Mode mode,
            String labelString, ComputerLauncher launcher, RetentionStrategy retentionStrategy,
            List<? extends NodeProperty<?>> nodeProperties) throws Descriptor.FormException, IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Deprecated
    protected Slave(String name, String nodeDescription, String remoteFS, int numExecutors, Mode mode,
            String labelString, ComputerLauncher launcher, RetentionStrategy retentionStrategy)
            throws Descriptor.FormException, IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Deprecated
    protected Slave(String name, String nodeDescription, String remoteFS, int numExecutors, Mode mode,
            String labelString, ComputerLauncher launcher, RetentionStrategy retentionStrategy,
            List<? extends NodeProperty<?>> nodeProperties) throws Descriptor.FormException, IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Override
    public String getNodeName() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
