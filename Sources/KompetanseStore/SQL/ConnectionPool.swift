import SQLKit

/// A database connection as the pool sees it: a SQLKit database plus a way to close it.
struct PooledConnection: Sendable {
    let database: any SQLDatabase
    let close: @Sendable () async throws -> Void
}

/// A small bounded pool: hands out at most `maximumCount` connections and queues callers beyond that.
actor ConnectionPool {
    private let maximumCount: Int
    private let open: @Sendable () async throws -> PooledConnection
    private var idle: [PooledConnection] = []
    private var openCount = 0
    private var waiters: [CheckedContinuation<PooledConnection?, Never>] = []
    private var isShutDown = false

    init(maximumCount: Int, open: @escaping @Sendable () async throws -> PooledConnection) {
        self.maximumCount = max(1, maximumCount)
        self.open = open
    }

    func acquire() async throws -> PooledConnection {
        guard !isShutDown else { throw StoreError.shutDown }
        if let connection = idle.popLast() { return connection }
        if openCount < maximumCount {
            openCount += 1
            do {
                return try await open()
            } catch {
                openCount -= 1
                throw error
            }
        }
        let connection = await withCheckedContinuation { waiters.append($0) }
        guard let connection else { throw StoreError.shutDown }
        return connection
    }

    func release(_ connection: PooledConnection) {
        if !waiters.isEmpty {
            waiters.removeFirst().resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    /// Drops a connection that failed, so a fresh one is opened next time.
    func discard(_ connection: PooledConnection) async {
        openCount -= 1
        try? await connection.close()
    }

    func shutdown() async throws {
        isShutDown = true
        for waiter in waiters { waiter.resume(returning: nil) }
        waiters.removeAll()
        let connections = idle
        idle.removeAll()
        for connection in connections { try await connection.close() }
        openCount -= connections.count
    }
}
