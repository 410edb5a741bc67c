// Ikosa Client: the player's (and game master's) terminal app; see Client/App/ClientProgram.cs.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C leaves cleanly: the app logs out instead of dropping the seat.
    e.Cancel = true;
    cancel.Cancel();
};
return await Ikosa.Client.App.ClientProgram.RunAsync(args, cancel: cancel.Token);
