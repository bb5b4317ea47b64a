package org.undervolt.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that runs a run: its pid, host and start time, recorded when the run is marked running. A
 * process killed with SIGKILL cannot mark its run, but its owner record lets a reader see that the
 * process is gone: on the same host, no live process has that pid with that start time.
 *
 * @param pid   the process id
 * @param host  the host name
 * @param start when the process started (empty where the platform does not say)
 */
public record RunOwner(long pid, String host, Optional<Instant> start) {

    /** This process. */
    public static RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(self.pid(), hostName(), self.info().startInstant());
    }

    /** The stored form, {@code pid@host@start} ({@code -} for an unknown start). */
    public String encode() {
        return pid + "@" + host + "@" + start.map(Instant::toString).orElse("-");
    }

    /** Reads {@link #encode()}'s form; empty for anything else. */
    public static Optional<RunOwner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] p = text.split("@", 3);
        if (p.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunOwner(Long.parseLong(p[0]), p[1],
                    p[2].equals("-") ? Optional.empty() : Optional.of(Instant.parse(p[2]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * How long a run owned by a process on another host may show no sign of life (a status change) before it is
     * taken as interrupted: that process cannot be looked up from here. Longer than any documented run (the
     * longest, sparkxd N1600, takes under two hours on two cores), so a live run elsewhere is not mislabelled.
     */
    public static final Duration FOREIGN_LEASE = Duration.ofHours(24);

    /**
     * Whether this owner is gone: on this host, no live process has its pid, or the process with its pid started
     * at another time (the pid was reused); on another host (another machine or container, whose processes cannot
     * be seen), the run's last sign of life {@code lastSeen} is older than {@link #FOREIGN_LEASE}.
     */
    public boolean gone(Instant lastSeen, Instant now) {
        if (!host.equals(hostName())) {
            return lastSeen.plus(FOREIGN_LEASE).isBefore(now);
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = p.get().info().startInstant();
        return start.isPresent() && started.isPresent() && !started.get().equals(start.get());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
