import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP listener on 127.0.0.1 over POSIX sockets, with blocking reads on one thread per connection.
///
/// Small and dependency-free on purpose: it serves tests and demos, a handful of connections at a time.
final class LoopbackListener: @unchecked Sendable {
    enum SocketError: Error, CustomStringConvertible {
        case failed(String, Int32)

        var description: String {
            switch self {
            case .failed(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
            }
        }
    }

    let port: UInt16
    private let listenSocket: Int32
    private let lock = NSLock()
    private var connections: Set<Int32> = []
    private var stopped = false

    /// Binds 127.0.0.1:`port`; port 0 picks a free one.
    init(port: UInt16 = 0) throws {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SocketError.failed("socket", errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let code = errno
            close(fd)
            throw SocketError.failed("bind/listen on 127.0.0.1:\(port)", code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: address.sin_port)
        listenSocket = fd
    }

    /// Accepts connections on a background thread, calling `handle` on a new thread for each.
    /// `handle` owns the socket only to read and write it; the listener closes it when `handle` returns.
    func start(_ handle: @escaping @Sendable (Int32) -> Void) {
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listenSocket, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    break
                }
                #if canImport(Darwin)
                    var yes: Int32 = 1
                    setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
                #endif
                guard register(client) else {
                    close(client)
                    break
                }
                Thread.detachNewThread { [self] in
                    handle(client)
                    unregister(client)
                    close(client)
                }
            }
            close(listenSocket)
        }
    }

    /// Stops accepting and wakes every connection thread; they close their sockets as they finish.
    func stop() {
        lock.lock()
        let open = connections
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        guard !wasStopped else { return }
        shutdown(listenSocket, Int32(SHUT_RDWR))
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func register(_ fd: Int32) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return false }
        connections.insert(fd)
        return true
    }

    private func unregister(_ fd: Int32) {
        lock.lock()
        connections.remove(fd)
        lock.unlock()
    }

    /// Reads what is available (blocking); `nil` at end of stream or on error.
    static func receive(_ fd: Int32) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            return Array(chunk[..<count])
        }
    }

    /// Writes all of `data`; `false` if the peer went away.
    static func send(_ fd: Int32, _ data: Data) -> Bool {
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        return data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                    let sent = Glibc.send(fd, base + offset, buffer.count - offset, flags)
                #else
                    let sent = Darwin.send(fd, base + offset, buffer.count - offset, flags)
                #endif
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }
}
