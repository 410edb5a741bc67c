namespace Ikosa.Engine.Transactions;

/// <summary>A task failed for good after the retry policy gave up on a retryable abort.</summary>
public sealed class TransactionFailedException(string message, Exception inner) : Exception(message, inner);
