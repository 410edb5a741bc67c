using Ikosa.ServiceModel;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>
/// The recorded contract as the fuzz target serves it. Two differences from <see cref="EchoService"/> keep every
/// case short: CallMeBack does not call the client back (a replayed client cannot answer a ClientPing whose
/// MessageID it never saw, so the call would wait out SendTimeout), and StartCallbacks caps its count (a mutated
/// count must not turn a case into a flood of callbacks).
/// </summary>
[ServiceBehavior(ConcurrencyMode = ConcurrencyMode.Reentrant)]
public sealed class FuzzEchoService : IEchoService
{
    public const int MaxCallbacks = 100;

    private readonly EchoService _echo = new();

    public string Echo(int n, string s) => _echo.Echo(n, s);

    public Task<string> EchoAsync(int n, string s) => Task.FromResult(Echo(n, s));

    public void Notify(int n, string s) => _echo.Notify(n, s);

    public int GetNotifyCount() => _echo.GetNotifyCount();

    public void StartCallbacks(int count, string s) => _echo.StartCallbacks(Math.Clamp(count, 0, MaxCallbacks), s);

    public string CallMeBack(int n) => "server got no callback " + n;

    public string Fail(int code, string message) => _echo.Fail(code, message);

    public string Crash(string message) => _echo.Crash(message);
}
