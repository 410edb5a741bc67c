// Ikosa Client with the graphical table: the terminal app's command line, where --web serves the table to the browser.
return await Ikosa.Client.App.ClientProgram.RunAsync(args, web: (options, console, output, cancel) => new Ikosa.Client.App.Web.WebApp(options, console, output).RunAsync(cancel));
