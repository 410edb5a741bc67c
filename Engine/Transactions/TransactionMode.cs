namespace Ikosa.Engine.Transactions;

public enum TransactionMode
{
    Read,
    Write,
}
