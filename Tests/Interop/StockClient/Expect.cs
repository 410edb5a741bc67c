namespace Ikosa.Tests.Interop.StockClient;

/// <summary>Typed faults as the stock client raises them.</summary>
public static class Expect
{
    /// <summary>
    /// <paramref name="call"/> fails with <see cref="FaultException{TDetail}"/>; returns its detail. A typed fault is an
    /// answer, not a failure of the session: the channel that carried it is still open.
    /// </summary>
    public static async Task<TDetail> FaultAsync<TDetail>(object channel, Func<Task> call)
    {
        var fault = await Assert.ThrowsAsync<FaultException<TDetail>>(call);
        Assert.Equal(CommunicationState.Opened, ((ICommunicationObject)channel).State);
        return fault.Detail;
    }
}
