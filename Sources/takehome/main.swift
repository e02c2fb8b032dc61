print("takehome")
