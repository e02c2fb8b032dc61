import Foundation

/// A TCP listener on the host's 127.0.0.1 (and ::1 on the same port when it is free) that records
/// every connection. A sandboxed attack must never reach it.
public final class LoopbackListener: @unchecked Sendable {
    public let port: Int
    private let sockets: [Int32]
    private let lock = NSLock()
    private var recorded: [String] = []
    private var stopped = false

    public init() throws {
        let v4 = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(v4, $0, length) == 0 && getsockname(v4, $0, &length) == 0 }
        }
        guard v4 >= 0, bound, listen(v4, 16) == 0 else {
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        var sockets = [v4]
        let v6 = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        var address6 = sockaddr_in6()
        address6.sin6_family = sa_family_t(AF_INET6)
        address6.sin6_addr = in6addr_loopback
        address6.sin6_port = in_port_t(UInt16(port).bigEndian)
        let bound6 = withUnsafePointer(to: &address6) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(v6, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0 }
        }
        if v6 >= 0, bound6, listen(v6, 16) == 0 { sockets.append(v6) } else if v6 >= 0 { close(v6) }
        self.sockets = sockets
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Every connection so far, as `peer at time`.
    public var connections: [String] { lock.withLock { recorded } }

    /// Stops listening and closes the sockets.
    public func stop() {
        lock.withLock { stopped = true }
    }

    private func acceptLoop() {
        var polled = sockets.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        while !lock.withLock({ stopped }) {
            guard poll(&polled, nfds_t(polled.count), 100) > 0 else { continue }
            for entry in polled where entry.revents & Int16(POLLIN) != 0 {
                var peer = sockaddr_storage()
                var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
                let client = withUnsafeMutablePointer(to: &peer) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(entry.fd, $0, &length) }
                }
                guard client >= 0 else { continue }
                close(client)
                let family = peer.ss_family == sa_family_t(AF_INET6) ? "::1" : "127.0.0.1"
                let note = "a connection to \(family):\(port) at \(Date())"
                lock.withLock { recorded.append(note) }
            }
        }
        for socket in sockets { close(socket) }
    }
}
