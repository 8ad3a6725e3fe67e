package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/**
 * Stand-in of jenkins-core's {@code FilePath}. Data holding: the channel (as given; the real one keeps null for the
 * controller's own channel, which has no stand-in) and the path; reading the path back needs the real normalisation,
 * and every file operation needs the real class (which runs it on the machine the channel leads to).
 */
public final class FilePath {
    private final VirtualChannel channel;
    @SuppressWarnings("unused") // kept as the real class keeps it
    private final String remote;

    public FilePath(VirtualChannel channel, String remote) {
        this.channel = channel;
        this.remote = remote;
    }

    /** In the real class: a path on the controller's file system. */
    public FilePath(File localPath) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** In the real class: resolves {@code rel} against {@code base} (path syntax of the machine it lives on). */
    public FilePath(FilePath base, String rel) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** In the real class: the path as given, normalised ({@code a/./b/../c} is {@code a/c}, and so on). */
    public String getRemote() {
        throw new UnsupportedOperationException("stand-in: the real class normalises the path");
    }

    public VirtualChannel getChannel() {
        return channel;
    }

    public String getName() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public java.io.InputStream read() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public java.io.InputStream read(FilePath rootPath, java.nio.file.OpenOption... openOptions) throws IOException,
            InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public java.io.OutputStream write() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public void write(String content, String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public <V, E extends Throwable> V act(hudson.remoting.Callable<V, E> callable) throws IOException, InterruptedException, E {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** Stand-in of the nested {@code FileCallable} (signature only). */
    public interface FileCallable<T> extends RoleSensitive, Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
