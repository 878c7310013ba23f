#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Whether the UTF-8 of the text holds `byte`: `memchr` over the bytes where they lie, rather than stepping
    /// through `utf8` an index at a time, which was several percent of writing a large report.
    @inlinable
    public func hasByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return false }
            return memchr(base, Int32(byte), utf8.count) != nil
        } ?? utf8.contains(byte)
    }

    /// Whether the text's UTF-8 is exactly `bytes`: the same bytes, not `==`, for which texts that are only
    /// canonically equivalent ("é" as one scalar, or as "e" and an accent) are equal. One `memcmp` where the bytes
    /// lie.
    @inlinable
    public func hasUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.hasSameBytes(as: bytes) } ?? utf8.elementsEqual(bytes)
    }

    /// Whether two texts have the same UTF-8 bytes (see `hasUTF8(_:)`).
    @inlinable
    public func hasSameUTF8(as other: String) -> Bool {
        utf8.withContiguousStorageIfAvailable { other.hasUTF8($0) } ?? utf8.elementsEqual(other.utf8)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether both hold the same bytes: one `memcmp`.
    @inlinable
    public func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard count > 0, let base = baseAddress, let otherBase = other.baseAddress else { return true }
        return memcmp(base, otherBase, count) == 0
    }
}
