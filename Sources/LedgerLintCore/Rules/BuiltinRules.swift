import Foundation
public enum BuiltinRules { public static var count: Int { BuiltinRuleFiles.encoded.count } }
