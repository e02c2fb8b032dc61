import Foundation

/// Loopback TCP helpers: free ports, listeners that never answer, waiting for a server.
enum Loopback {
    /// A listening socket on 127.0.0.1; the kernel accepts connections, nobody ever answers.
    final class SilentListener {
        let fd: Int32
        let port: UInt16

        init() throws {
            let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Loopback.address(port: 0)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, listen(socketFD, 16) == 0 else {
                close(socketFD)
                throw POSIXError(.EADDRINUSE)
            }
            fd = socketFD
            port = Loopback.port(of: socketFD)
        }

        deinit { close(fd) }
    }

    /// A port on 127.0.0.1 that was free a moment ago (and is closed now).
    static func freePort() throws -> UInt16 {
        let listener = try SilentListener()
        return listener.port
    }

    /// Waits until something accepts connections on `port`. Blocks its thread rather than
    /// suspending: a suspended task needs a free cooperative thread to resume, and CPU-heavy tests
    /// running alongside can hold them all past the deadline.
    static func waitForListener(port: UInt16, address host: String = "127.0.0.1", seconds: Double = 10) throws {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = address(port: port, host: host)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if connected == 0 { return }
            usleep(50_000)
        }
        throw POSIXError(.ETIMEDOUT)
    }

    static func address(port: UInt16, host: String = "127.0.0.1") -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        return address
    }

    /// True when a listener could bind `host:port` right now (e.g. port 22 of a spare loopback address).
    static func canBind(address host: String, port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        var address = address(port: port, host: host)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    static func port(of fd: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// A server process started by a test and stopped when the test ends.
final class ServerProcess {
    let process = Process()

    init(_ arguments: [String], in folder: URL) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// SIGKILL: the test runner's children inherit a signal mask that blocks SIGTERM.
    deinit {
        kill(process.processIdentifier, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(process.processIdentifier, &status, 0)
    }
}

/// A ~40-line HTTP server that runs `git http-backend` as CGI for every request.
let httpBackendScript = #"""
import http.server, os, subprocess, sys
root, port = sys.argv[1], int(sys.argv[2])

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self): self.cgi()
    def do_POST(self): self.cgi()
    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().strip(), 16)
                chunk = self.rfile.read(size); self.rfile.readline()
                if size == 0: return data
                data += chunk
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))
    def cgi(self):
        path, _, query = self.path.partition("?")
        data = self.body()
        env = dict(os.environ, GIT_PROJECT_ROOT=root, GIT_HTTP_EXPORT_ALL="1", PATH_INFO=path,
                   QUERY_STRING=query, REQUEST_METHOD=self.command, CONTENT_LENGTH=str(len(data)),
                   CONTENT_TYPE=self.headers.get("Content-Type", ""), REMOTE_ADDR="127.0.0.1",
                   GIT_PROTOCOL=self.headers.get("Git-Protocol", ""))
        out = subprocess.run(["git", "http-backend"], input=data, env=env, capture_output=True).stdout
        separator = b"\r\n\r\n" if b"\r\n\r\n" in out else b"\n\n"
        head, _, rest = out.partition(separator)
        status, headers = 200, []
        for line in head.decode().splitlines():
            key, _, value = line.partition(":")
            if key.lower() == "status": status = int(value.split()[0])
            elif key: headers.append((key, value.strip()))
        self.send_response(status)
        for key, value in headers: self.send_header(key, value)
        self.send_header("Content-Length", str(len(rest)))
        self.end_headers()
        self.wfile.write(rest)

http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
"""#

/// A server started with posix_spawn rather than Foundation's Process: a daemon that closes every
/// inherited descriptor (sshd does) makes Process block its run-loop thread in wait4 forever.
final class SpawnedServer {
    let pid: pid_t

    init(_ arguments: [String]) throws {
        var pid = pid_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let result = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        self.pid = pid
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }
}
