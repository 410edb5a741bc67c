Console.Error.WriteLine("Ikosa Client: the player app arrives with its own issue; nothing to run yet.");
return 1;
