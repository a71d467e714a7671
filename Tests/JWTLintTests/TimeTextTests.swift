import Testing
import JWTLint

@Suite("Times for people")
struct TimeTextTests {
    @Test("UTC dates are computed without Foundation, across leap years and fractions")
    func utc() {
        #expect(TimeText.utc(0) == "1970-01-01T00:00:00Z")
        #expect(TimeText.utc(1_767_225_600) == "2026-01-01T00:00:00Z")
        #expect(TimeText.utc(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(TimeText.utc(1_623_085_200.5) == "2021-06-07T17:00:00.500Z")
    }

    @Test("Durations and relative times read naturally")
    func durations() {
        #expect(TimeText.duration(45) == "45 s")
        #expect(TimeText.duration(270) == "4 min 30 s")
        #expect(TimeText.duration(240) == "4 min")
        #expect(TimeText.duration(7500) == "2 h 5 min")
        #expect(TimeText.relative(1240, now: 1000) == "in 4 min")
        #expect(TimeText.relative(700, now: 1000) == "5 min ago")
    }
}
