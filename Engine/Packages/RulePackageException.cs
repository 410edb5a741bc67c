namespace Ikosa.Engine.Packages;

/// <summary>A rule package cannot be used: the message names it and what is wrong (a clash, a bad name, a type that does not load).</summary>
public sealed class RulePackageException(string message, Exception? inner = null) : Exception(message, inner);
