extension Array where Element: Equatable {
    /// True when `sequence` occurs as a contiguous run (a phrase among a text's terms).
    public func containsSequence(_ sequence: [Element]) -> Bool {
        guard !sequence.isEmpty, sequence.count <= count else { return false }
        for start in 0...(count - sequence.count) where self[start] == sequence[0] {
            if Array(self[start..<(start + sequence.count)]) == sequence { return true }
        }
        return false
    }
}
