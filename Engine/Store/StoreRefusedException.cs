namespace Ikosa.Engine.Store;

/// <summary>The game file cannot be used (corrupt, not a game file, newer schema, in use); nothing was loaded.</summary>
public sealed class StoreRefusedException(string message, Exception? inner = null) : Exception(message, inner);
