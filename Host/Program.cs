Console.Error.WriteLine("Ikosa Host: the host arrives with its own issue; nothing to run yet.");
return 1;
