print("periscope")
