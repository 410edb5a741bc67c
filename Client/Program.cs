// Ikosa Client: the player's (and game master's) terminal app; see Client/App/ClientProgram.cs.
// Ctrl+C cancels the app's token (System.CommandLine handles the signal), so it logs out instead of dropping the seat.
return await Ikosa.Client.App.ClientProgram.RunAsync(args);
