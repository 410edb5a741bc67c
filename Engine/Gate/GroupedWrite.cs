using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Gate;

/// <summary>One write task of a commit group, with its time budget.</summary>
internal readonly record struct GroupedWrite(Func<Transaction, object?> Work, TimeSpan Budget);
