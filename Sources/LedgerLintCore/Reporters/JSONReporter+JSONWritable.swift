import LedgerLintJSON

// The report's records written by `JSONWriter`, member by member in key order: what `render(_:)` and a report of
// many clients write. Their `Encodable` conformances say the same shape to `JSONEncoder`, and
// `JSONReporterWriterTests` holds the two to the same bytes.

extension JSONReporter.Document: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object(
            findings.members
                + [.init("version", version), .init("tool", tool)]
                + JSONWriter.Member.ifPresent("filter", filter) + JSONWriter.Member.ifPresent("lookups", lookups))
    }
}

extension JSONReporter.Findings {
    /// The members a report's top and each client of many clients write, among their own.
    var members: [JSONWriter.Member] {
        [.init("summary", summary), .init("findings", findings), .init("suppressed", suppressed)]
            + JSONWriter.Member.ifPresent("baseline", baseline)
    }
}

extension JSONReporter.ClientRecord: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object(
            (findings?.members ?? []) + [.init("name", name), .init("folder", folder)]
                + JSONWriter.Member.ifPresent("error", error))
    }
}

extension JSONReporter.FindingRecord: JSONWritable {
    func write(to json: inout JSONWriter) {
        write(to: &json, suppression: nil)
    }

    /// The finding, with a suppressed finding's `reason` and `expires` among its members.
    func write(to json: inout JSONWriter, suppression: (reason: String, expires: String?)?) {
        json.object {
            $0.member("entity", entity)
            $0.member("expires", ifPresent: suppression?.expires)
            $0.member("hint", hint)
            $0.member("key", key)
            $0.member("location", ifPresent: location)
            $0.member("message", message)
            $0.member("reason", ifPresent: suppression?.reason)
            $0.member("rule", rule)
            $0.member("severity", severity)
            $0.member("system", system)
        }
    }
}

extension JSONReporter.FindingRecord.Location: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("file", file)
            $0.member("line", ifPresent: line)
            $0.member("record", ifPresent: record)
        }
    }
}

extension JSONReporter.SuppressedRecord: JSONWritable {
    func write(to json: inout JSONWriter) {
        finding.write(to: &json, suppression: (reason, expires))
    }
}

extension JSONReporter.BaselineRecord: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("fixed", fixed)
            $0.member("unchanged", unchanged)
        }
    }
}

extension JSONReporter.BaselineRecord.Entry: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("entity", entity)
            $0.member("key", key)
            $0.member("rule", rule)
            $0.member("system", system)
        }
    }
}

extension JSONReporter.FilterRecord: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("keys", keys) }
    }
}

extension JSONReporter.LookupRecord: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("exported", lookup.exported)
            $0.member("findings", lookup.findings)
            $0.member("foundIn", lookup.foundIn.map(\.rawValue))
            $0.member("key", lookup.key)
            $0.member("matches", matches)
            $0.member("note", lookup.note)
        }
    }
}

extension JSONReporter.LookupRecord.Match: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("entity", entity)
            $0.member("exported", ifPresent: exported)
            $0.member("id", ifPresent: id)
            $0.member("location", ifPresent: location)
            $0.member("name", ifPresent: name)
            $0.member("number", ifPresent: number)
            $0.member("resource", ifPresent: resource)
            $0.member("system", system)
        }
    }
}

extension JSONReporter.ToolInfo: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("name", name)
            $0.member("version", version)
        }
    }
}

extension JSONReporter.Counts: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("error", error)
            $0.member("info", info)
            $0.member("total", total)
            $0.member("warning", warning)
        }
    }
}
