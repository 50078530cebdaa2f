"""Admin URLs and menu items for the gradebook, trainee records and quiz results."""
