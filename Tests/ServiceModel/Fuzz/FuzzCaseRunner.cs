using System.Diagnostics;
using System.Net.Sockets;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>
/// Plays one hostile client against a live host: sends the case's bytes, half-closes, and reads everything the host
/// answers until it closes the connection. The half-close is what makes every case end without any timing: whatever
/// the host is waiting for, it learns that no more bytes will come.
/// </summary>
public static class FuzzCaseRunner
{
    private const string TypedFaultAction = "urn:harness/IEchoService/FailHarnessFaultFault";

    public static async Task<FuzzOutcome> RunAsync(int port, FuzzCase fuzzCase, TimeSpan timeout)
    {
        await using var client = await RawConnection.ConnectAsync(port);
        var answers = ReadUntilClosedAsync(client, timeout);
        try
        {
            await client.SendAsync(fuzzCase.Bytes);
            client.ShutdownSend();
        }
        catch (Exception error) when (error is IOException or SocketException)
        {
            // The host closed the connection before taking everything: what it answered says why.
        }
        return await answers;
    }

    private static async Task<FuzzOutcome> ReadUntilClosedAsync(RawConnection client, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string? framingFault = null;
        var messages = 0;
        var unexpectedFaults = 0;
        var ended = false;
        string? problem = null;
        while (true)
        {
            var left = timeout - clock.Elapsed;
            ReceivedRecord? record;
            try
            {
                record = left > TimeSpan.Zero ? await client.ReadRecordAsync(left) : throw new OperationCanceledException();
            }
            catch (OperationCanceledException)
            {
                return new FuzzOutcome(framingFault, messages, unexpectedFaults, ended, Closed: false, problem ?? $"still open after {timeout}");
            }
            catch (FramingException error)
            {
                return new FuzzOutcome(framingFault, messages, unexpectedFaults, ended, Closed: true, "the host sent a malformed record: " + error.Message);
            }
            if (record is null)
                return new FuzzOutcome(framingFault, messages, unexpectedFaults, ended, Closed: true, problem);

            switch (record.Type)
            {
                case FramingRecordType.PreambleAck:
                    break;
                case FramingRecordType.Fault:
                    framingFault = record.Text;
                    break;
                case FramingRecordType.End:
                    ended = true;
                    break;
                case FramingRecordType.SizedEnvelope:
                    messages++;
                    try
                    {
                        var message = client.Reader.ReadMessage(record.Payload, 0, record.Payload.Length);
                        if (message.IsFault && message.Action != TypedFaultAction)
                            unexpectedFaults++;
                    }
                    catch (Exception error)
                    {
                        problem ??= "the host sent an envelope our reader cannot decode: " + error.Message;
                    }
                    break;
                default:
                    problem ??= $"the host sent an unexpected {record.Type} record";
                    break;
            }
        }
    }
}
