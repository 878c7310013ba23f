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
}
