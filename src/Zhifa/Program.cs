Console.WriteLine("zhifa");
