import Foundation
import Glibc

/// Runs a program on a real pseudo-terminal, as its controlling terminal, so readline, Ctrl-C and
/// Ctrl-D behave exactly as they do for a person at a keyboard.
final class PseudoTerminal {
    private let master: Int32
    private let pid: pid_t
    private(set) var transcript = ""

    init(executable: String, arguments: [String], environment: [String: String], directory: String) throws {
        var master: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0)
        // Everything the child needs is prepared before fork: after it, only exec may run.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let pid = forkpty(&master, nil, nil, &size)
        if pid == 0 {
            _ = chdir(directory)
            execve(executable, argv, envp)
            _exit(127)
        }
        argv.forEach { free($0) }
        envp.forEach { free($0) }
        guard pid > 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        self.master = master
        self.pid = pid
    }

    /// Types `text` as keystrokes.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(master, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// Reads the screen output until `predicate` holds on everything read so far, or `timeout` passes.
    @discardableResult
    func waitFor(timeout: TimeInterval = 30, _ predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            if predicate(transcript) { return true }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if ready > 0 {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { return predicate(transcript) }
                transcript += String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }
        return predicate(transcript)
    }

    func waitFor(_ text: String, timeout: TimeInterval = 30) -> Bool {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Waits for the program to exit and returns its exit status (nil if it had not exited in time,
    /// in which case it is killed unless `keepRunning`).
    func waitForExit(timeout: TimeInterval = 30, keepRunning: Bool = false) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            _ = waitFor(timeout: 0.1) { _ in false }
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                exited = true
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil
            }
        }
        if !keepRunning {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
            exited = true
        }
        return nil
    }

    private var exited = false

    deinit {
        var status: Int32 = 0
        if !exited {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        close(master)
    }
}
