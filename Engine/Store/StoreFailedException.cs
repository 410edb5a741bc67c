namespace Ikosa.Engine.Store;

/// <summary>The store could not make a commit durable; the commit was rolled back.</summary>
public sealed class StoreFailedException(string message, Exception? inner = null) : Exception(message, inner);
