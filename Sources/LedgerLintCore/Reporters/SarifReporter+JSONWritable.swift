import LedgerLintJSON

// The log written by `JSONWriter`, member by member in key order: what `render(_:)` and a report of many clients
// write. The `Encodable` conformances say the same shape to `JSONEncoder`, and `JSONReporterWriterTests` holds the
// two to the same bytes.

extension SarifReporter.Log: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("$schema", schema)
            $0.member("runs", runs)
            $0.member("version", version)
        }
    }
}

extension SarifReporter.Run: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("automationDetails", ifPresent: automationDetails)
            $0.member("invocations", ifPresent: invocations)
            $0.member("language", language)
            $0.member("properties", properties)
            $0.member("results", results)
            $0.member("tool", tool)
        }
    }
}

extension SarifReporter.AutomationDetails: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("id", id) }
    }
}

extension SarifReporter.Invocation: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("executionSuccessful", executionSuccessful)
            $0.member("toolExecutionNotifications", toolExecutionNotifications)
        }
    }
}

extension SarifReporter.Invocation.Notification: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("level", level)
            $0.member("message", message)
        }
    }
}

extension SarifReporter.ToolInfo: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("driver", driver) }
    }
}

extension SarifReporter.Driver: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("name", name)
            $0.member("rules", rules)
            $0.member("semanticVersion", semanticVersion)
            $0.member("version", version)
        }
    }
}

extension SarifReporter.RunProperties: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("client", ifPresent: client)
            $0.member("environment", ifPresent: environment)
            $0.member("fetchedAt", ifPresent: fetchedAt)
            $0.member("filter", ifPresent: filter)
            $0.member("folder", ifPresent: folder)
            $0.member("snapshot", snapshot)
        }
    }
}

extension SarifReporter.RunProperties.Filter: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("keys", keys)
            $0.member("lookups", lookups)
        }
    }
}

extension SarifReporter.Descriptor: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("defaultConfiguration", defaultConfiguration)
            $0.member("fullDescription", fullDescription)
            $0.member("help", help)
            $0.member("id", id)
            $0.member("name", name)
            $0.member("properties", properties)
            $0.member("shortDescription", shortDescription)
        }
    }
}

extension SarifReporter.Descriptor.Configuration: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("level", level) }
    }
}

extension SarifReporter.Descriptor.Properties: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("severity", severity)
            $0.member("subject", subject)
            $0.member("tags", tags)
        }
    }
}

extension SarifReporter.Text: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("text", text) }
    }
}

extension SarifReporter.Result: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("baselineState", ifPresent: baselineState)
            $0.member("level", level)
            $0.member("locations", locations)
            $0.member("message", message)
            $0.member("partialFingerprints", partialFingerprints)
            $0.member("ruleId", ruleId)
            $0.member("ruleIndex", ifPresent: ruleIndex)
            $0.member("suppressions", ifPresent: suppressions)
        }
    }
}

extension SarifReporter.Fingerprints: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member(SarifReporter.fingerprintKey, ledgerlint) }
    }
}

extension SarifReporter.Location: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("logicalLocations", logicalLocations)
            $0.member("physicalLocation", ifPresent: physicalLocation)
        }
    }
}

extension SarifReporter.PhysicalLocation: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("artifactLocation", artifactLocation)
            $0.member("region", ifPresent: region)
        }
    }
}

extension SarifReporter.ArtifactLocation: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("uri", uri) }
    }
}

extension SarifReporter.Region: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("startLine", startLine) }
    }
}

extension SarifReporter.LogicalLocation: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("fullyQualifiedName", fullyQualifiedName)
            $0.member("kind", kind)
            $0.member("name", name)
        }
    }
}

extension SarifReporter.Suppression: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("justification", justification)
            $0.member("kind", kind)
            $0.member("properties", ifPresent: properties)
            $0.member("status", status)
        }
    }
}

extension SarifReporter.Suppression.Properties: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("expires", expires) }
    }
}
